#!/usr/bin/python3
"""Reads .eml files with Python's email package, as a mail client would,
and prints, as JSON, what it finds: X-Unsent, From, To, the MIME structure,
the method parameter of the text/calendar part and the METHOD inside it,
and whether the attachment holds the same calendar. Exits 1 on a defect."""
import email
import email.policy
import json
import sys


def main():
    out, bad = [], False
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        structure, cal, att, method = [], None, None, None
        for part in msg.walk():
            structure.append(part.get_content_type())
            if part.defects:
                print("%s: %s: %s" % (path, part.get_content_type(), part.defects), file=sys.stderr)
                bad = True
            if part.get_content_type() == "text/calendar":
                cal = part.get_payload(decode=True)
                method = part.get_param("method")
            elif part.get_content_disposition() == "attachment":
                att = part.get_payload(decode=True)
        inner = None
        if cal:
            for line in cal.decode("utf-8").splitlines():
                if line.startswith("METHOD:"):
                    inner = line[len("METHOD:"):]
                    break
        out.append({"file": path, "x_unsent": msg["X-Unsent"], "from": str(msg["From"]),
                    "to": [str(a) for a in msg["To"].addresses], "structure": structure,
                    "method_param": method, "method": inner, "attachment_same": att == cal})
    print(json.dumps(out))
    sys.exit(1 if bad else 0)


main()
