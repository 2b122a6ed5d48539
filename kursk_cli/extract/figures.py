"""PLACEHOLDER until the figures extractor lands."""
def find_figures(text):
    return []
