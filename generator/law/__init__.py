"""Dates, money and the law: the ledger of invoices, late-payment interest, fixed compensation and
reminder fees, with each jurisdiction's rules and reference rates as data in `law/data/`."""
