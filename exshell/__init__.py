"""exshell: an offline Exchange Management Shell emulator for certificate work."""
__version__ = "0.1.0"
