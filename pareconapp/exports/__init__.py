"""Minutes and reports: one document model, several writers.

- :mod:`.document` - the document model (sections of paragraphs, tables, charts...), its JSON
  and SHA-256; every text in it is final (translated, localised).
- :mod:`.record` - what the minutes are built from (read once through the services);
  :mod:`.sections` - the registry of section builders; :mod:`.builders` - the sections
  (meeting, decisions, areas) and the CSV datasets; :mod:`.compose` - puts them together.
- :mod:`.localize` / :mod:`.qt_locale` - the document language and formats (plain, or the
  app's via Qt); :mod:`.wording` - names of settings and statuses; :mod:`.rich_text` - the
  editors' HTML as paragraphs and lists.
- Writers, which only lay the model out: :mod:`.pdf`, :mod:`.odt` (both through
  :mod:`.qt_document`), :mod:`.html`, :mod:`.markdown`, :mod:`.csv_files`; :mod:`.formats`
  chooses one and writes atomically.

Everything but the writers and :mod:`.qt_locale` is free of Qt, so the minutes service
builds the document below the UI.
"""
