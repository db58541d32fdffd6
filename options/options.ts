// options entry: placeholder until its issue lands.
