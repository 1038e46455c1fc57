#!/usr/bin/env node
import { endQuietlyWhenReaderLeaves } from "./closed-pipe.js";
import { processContext, runCli } from "./program.js";

endQuietlyWhenReaderLeaves(process.stdout);
process.exitCode = await runCli(process.argv, processContext());
