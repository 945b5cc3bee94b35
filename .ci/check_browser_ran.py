"""Fail unless the JUnit report shows browser tests that ran and none skipped."""

import sys
import xml.etree.ElementTree as ET

cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
browser = [c for c in cases if ".browser." in c.get("classname", "")]
skipped = [c for c in browser if c.find("skipped") is not None]
if not browser:
    sys.exit("no browser tests ran")
if skipped:
    names = ", ".join(c.get("name") for c in skipped)
    sys.exit(f"{len(skipped)} browser test(s) skipped: {names}")
print(f"{len(browser)} browser tests ran, none skipped")
