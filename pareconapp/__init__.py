"""Parecon Assembly: a workplace assembly run on the principles of participatory economics."""

__version__ = "0.1.0"
APP_NAME = "Parecon Assembly"
APP_ID = "org.pareconassembly.PareconAssembly"
FILE_SUFFIX = ".parecon"
