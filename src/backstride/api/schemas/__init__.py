"""Response shapes, mirroring the dicts the reports and serializers already build."""
