#!/usr/bin/env node
import { processContext, runCli } from "./program.js";

process.exitCode = await runCli(process.argv, processContext());
