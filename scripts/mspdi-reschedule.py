#!/usr/bin/env python3
"""Reads an MSPDI file with MPXJ, reschedules it with MPXJ's MicrosoftScheduler (the way MS Project
recomputes dates) and prints one line per task: its TenderPlan id (Text1), start and finish, as
`id;YYYY-MM-DDTHH:MM;YYYY-MM-DDTHH:MM`. Needs `pip install mpxj` (and JPype1) and a Java runtime.

Usage: scripts/mspdi-reschedule.py FILE.xml
"""
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)


def main(path):
    jpype.startJVM()
    from org.mpxj import TaskField
    from org.mpxj.cpm import MicrosoftScheduler
    from org.mpxj.reader import UniversalProjectReader

    project = UniversalProjectReader().read(path)
    start = project.getProjectProperties().getStartDate()
    MicrosoftScheduler().schedule(project, start)
    for task in project.getTasks():
        if task.getUniqueID() is None or task.getUniqueID() == 0:
            continue  # the project summary task MPXJ adds
        ident = task.get(TaskField.TEXT1)
        print(f"{ident};{str(task.getStart())[:16]};{str(task.getFinish())[:16]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
