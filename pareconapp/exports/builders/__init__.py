"""The built-in sections of the minutes; importing this package registers them.

Areas add their sections by registering them in a module imported here (see
:mod:`pareconapp.exports.sections`).
"""

from pareconapp.exports.builders import areas, meeting  # noqa: F401 - register their sections
