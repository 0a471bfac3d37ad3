"""backprop-course: the helpers the notebooks import (checks, plots, widgets).

Students get this package. It holds no solution and no hidden test input.
"""
