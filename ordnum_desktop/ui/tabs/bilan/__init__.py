"""The Bilan tab's six inner pages, one class each, bound to the widgets of the tab's Designer
form (forms/bilan_tab.ui) by composition; the tab itself is ui/tabs/bilan_tab.py."""
