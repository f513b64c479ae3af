"""Drawing the documents: the Jinja templates, Markdown to the document model, the writers (PDF,
DOCX, Markdown, e-mail), one document or many at once, and signatures on finished PDFs."""
