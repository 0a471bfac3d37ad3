"""backprop-course: the helpers the notebooks import (checks, plots, widgets).

Students get this package. It holds no solution and no hidden test input.
"""

from course.runmode import figures_off_when_graded

figures_off_when_graded()
