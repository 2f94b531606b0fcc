"""The tracking loop's pure core: pain-guided adaptation, outcomes, maintenance, recurrence."""
