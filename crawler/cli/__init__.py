"""The ``newsarchive`` command line: one module per verb, thin over archive/ and crawler/."""
