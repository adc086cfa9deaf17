"""The stock-take tab's pages, one file each (the tab, ``view.StockTakeTab``, keeps the navigation):

count.py      walk the rooms: scan, tick, type quantities (the expected list, progress, recent scans)
unknowns.py   numbers nobody expected: match, surplus, dismiss
results.py    the variance and applying the results after sign-off
compare.py    compared with the previous stock-take
widgets.py    the small widgets they share (a cheap progress bar, an eliding label)

A page is handed the stock-take to show with ``load(st)`` and says what it changed with its
signals; it never reaches into another page.
"""
