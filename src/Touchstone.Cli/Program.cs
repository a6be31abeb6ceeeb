// Composition root of the `touchstone` command line; the verbs arrive with the harness core.
return 0;
