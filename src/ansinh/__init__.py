"""ansinh: a gap calculator for social-security and health targets (an sinh xã hội)."""

__version__ = "0.1.0"
