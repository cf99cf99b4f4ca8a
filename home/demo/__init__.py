"""The demo shop that `manage.py load_demo` builds: a Spanish coffee and kitchen shop with an English translation.

Data (catalog*, magazine, content, english) is plain Python; build*, translate,
stream and images turn it into Wagtail pages, snippets and images.
"""
