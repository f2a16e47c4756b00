"""ordnum-desktop: follow-up of the Ordonnance numérique présérie pilots."""

__version__ = "0.1.0"
