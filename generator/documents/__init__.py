"""What each document says: the kinds of document and the facts each one's template is filled
from (reminders, waiting notice, parting, review, change order) and the morning agenda."""
