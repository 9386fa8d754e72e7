"""Participatory planning between assemblies: proposals, the IFB's rounds, exchange files.

Built on the planning engine (:mod:`pareconapp.core.planning`): councils' proposals are
valued at the indicative prices (SB, SC, budgets; :mod:`.accounts`), travel as versioned,
hashed JSON files (:mod:`.files`, checked against ``resources/schemas``), and the IFB adds
them up and updates prices by the engine's rules (:mod:`.rounds`), then offers feasible plan
variants (:mod:`.variants`). A simulated rest-of-economy (:mod:`.simulated`) lets one
assembly walk through the rounds offline. Formats: ``docs/exchange-files.md``.

Only :mod:`.catalogue`, :mod:`.accounts`, :mod:`.schema` and :mod:`.files` are free of
numpy (the services use them when the app starts); import from the modules themselves.
"""
