// Content script entry: placeholder until the audit lands.
