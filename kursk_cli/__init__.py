"""kursk_cli: figures, dates, entities and attributed statements from news about armed conflict.

    >>> import kursk_cli
    >>> document = kursk_cli.parse(text, reference_date="2025-04-26")
    >>> document.to_dict()["figures"]
"""
__version__ = "0.1.0"


def parse(text, reference_date=None, kinds=None, **options):
    """See `kursk_cli.pipeline.parse`; imported lazily so that `kursk --help` starts fast."""
    from .pipeline import parse as _parse
    return _parse(text, reference_date=reference_date, kinds=kinds, **options)


__all__ = ["parse", "__version__"]
