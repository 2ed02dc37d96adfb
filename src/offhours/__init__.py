"""offhours: a local-first study coach for mastering AI and ML around a full-time job."""

__version__ = "0.1.0"
