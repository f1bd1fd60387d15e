"""Controllers: what turns input and time into session changes (canvas tools, the runner).

They live apart from the views: a view draws and reports gestures, a
controller decides what a gesture or a timer tick asks of the session.
"""
