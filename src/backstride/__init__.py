"""backstride: a complete home rehab program for runners with low back pain."""

__version__ = "0.1.0"
