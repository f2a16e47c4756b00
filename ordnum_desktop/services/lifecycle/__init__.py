"""The présérie's life after a bilan (issue 11): prolongations and their periods, the deployment's
dated steps, the overview of every présérie of a file."""
