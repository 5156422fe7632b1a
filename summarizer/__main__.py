from summarizer.cli import app

app(prog_name="summarizer")
