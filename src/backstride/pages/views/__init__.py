"""Runner pages, one module per area."""
