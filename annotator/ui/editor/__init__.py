"""The annotation editor: the text view, its span painting, selection and search."""
