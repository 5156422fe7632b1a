"""incident-summarizer: news articles → grounded, sourced incident briefs."""

__version__ = "0.1.0"
