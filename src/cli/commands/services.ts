import { Option, type Command } from "commander";
import { CLOUDS, type Cloud } from "../../vocabulary/index.js";
import { renderTemplate } from "../../render/index.js";
import type { CliContext } from "../program.js";
import { say } from "../words.js";

interface ServicesOptions {
  json?: boolean;
  cloud?: Cloud;
  all?: boolean;
}

/** `services`: the catalog, per service the options it supports. */
export function registerServices(program: Command, context: CliContext): void {
  program
    .command("services")
    .description(say("services"))
    .option("--json", say("services-json"))
    .option("--all", say("services-all"))
    .addOption(new Option("--cloud <cloud>", say("services-cloud")).choices(CLOUDS))
    .action((options: ServicesOptions) => {
      const knowledge = context.knowledge();
      const services = options.all
        ? knowledge.catalog.services.filter((s) => options.cloud === undefined || s.cloud === options.cloud)
        : knowledge.offeredServices(options.cloud);
      if (options.json) {
        context.stdout.write(`${JSON.stringify(services, null, 2)}\n`);
        return;
      }
      const rows = services.map((service) => ({
        id: service.id,
        name: service.name,
        retired: service.retired ?? null,
        options: Object.entries(service.support)
          .filter(([, support]) => support?.supported)
          .map(([option]) => option),
      }));
      const width = (key: "id" | "name"): number => Math.max(0, ...rows.map((row) => row[key].length));
      context.stdout.write(
        renderTemplate(
          "services.text",
          { services: rows, idWidth: width("id"), nameWidth: width("name") },
          "text",
        ),
      );
    });
}
