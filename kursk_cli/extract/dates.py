"""PLACEHOLDER until the dates extractor lands."""
def find_dates(text, reference_date):
    return []


def find_reference_date(text):
    return None
