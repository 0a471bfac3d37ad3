"""Feedback HTML that shows each test's message and none of the hidden test's code.

Autograding restores every test cell from the gradebook, hidden part included, and an error
raised while the hidden part ran (an interrupted infinite loop, say) carries a traceback that
quotes those lines. For the feedback, `ClearHiddenTests` removes the hidden part from the
cell's code and `ErrorsWithoutTraceback` shortens the error outputs of test cells to their
message: the student sees what failed and why, not the code that found it.
"""

from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor

JUDGE_ERROR = "HiddenTestFailed"  # grader.judge: its traceback is its message, kept whole


class ErrorsWithoutTraceback(NbGraderPreprocessor):
    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "code" and utils.is_grade(cell):
            for output in cell.get("outputs", []):
                if output.output_type == "error" and output.get("ename") != JUDGE_ERROR:
                    message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
                    output.traceback = [message.strip()]
        return cell, resources
