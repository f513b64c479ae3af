"""Reading and validating the project file: safe YAML with line marks, the typed model,
cross-field rules, the secrets guard, the scope and its change requests, and edits that keep
every other byte."""
