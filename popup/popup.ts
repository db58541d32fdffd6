// popup entry: placeholder until its issue lands.
