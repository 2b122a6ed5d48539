"""PLACEHOLDER until statements land: ties figures to the statements that claim them."""
def link_claimants(figures, statements):
    return list(figures), list(statements)
