"""Print one line adding up every JUnit report given: `tests: N passed, N failed, N skipped`.

A report that is missing (its suite never ran) is named on standard error and counts as a failure,
so a run that stopped early never reads as green.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

passed = failed = skipped = 0
for name in sys.argv[1:]:
    path = Path(name)
    if not path.is_file():
        print(f"missing report: {name} (its suite did not run to the end)", file=sys.stderr)
        failed += 1
        continue
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
