"""The instructor's side of grading: nbgrader preprocessors that judge outside the kernel.

Never installed for students. `nbgrader_config.py` puts the repo on `sys.path` and plugs
`grader.execute.Execute` and `grader.judge.JudgeRecords` into nbgrader's autograde run:

1. `Execute` runs the student's notebook as nbgrader does, telling the kernel where the
   assignment's hidden case module is and which seed to use;
2. the hidden tests in the kernel only *record* the student's outputs (`course.recording`);
3. `JudgeRecords` regenerates the same cases, runs the reference solution (the source
   notebook's solution cells) in the grader's process, compares, and turns each failing
   test cell into an error output that nbgrader scores as 0. It also removes the records,
   so neither the autograded notebook nor the feedback holds a hidden input.
"""
