/* main.c: `rdprepro`, one command with subcommands, dispatched from a table that also
 * builds --help. */
#include <stdio.h>
#include <string.h>

#include "linkcheck.h"
#include "probe.h"
#include "runner.h"
#include "server.h"
#include "shaper.h"
#include "verdict.h"

static int version_main(int argc, char** argv)
{
	printf("rdprepro %s\n", RDPREPRO_VERSION);
	return 0;
}

static int causes_main(int argc, char** argv)
{
	for (int i = 0; i < RP_CAUSE_COUNT; i++)
		printf("%s\n", rp_cause_name((enum rp_cause)i));
	return 0;
}

static int help_main(int argc, char** argv);

static const struct subcommand
{
	const char* name;
	int (*fn)(int argc, char** argv);
	const char* help;
} subcommands[] = {
	{ "run", rp_run_main, "run scenarios in labs and check their verdicts" },
	{ "list", rp_list_main, "list scenarios with their expected verdicts" },
	{ "linkcheck", rp_linkcheck_main, "measure what a shaped lab link really does" },
	{ "causes", causes_main, "list the cause names a verdict can take" },
	{ "server", rp_server_main, "the lab's RDP server (started by run)" },
	{ "probe", rp_probe_main, "the lab's headless RDP client (started by run)" },
	{ "shaper", rp_shaper_main, "the lab's userspace link engine (started by run)" },
	{ "version", version_main, "print the version" },
	{ "help", help_main, "this text" },
};

static int help_main(int argc, char** argv)
{
	FILE* f = argc < 0 ? stderr : stdout;

	fprintf(f, "usage: rdprepro COMMAND [ARGS]\n"
	           "  Reproduces why a Remote Desktop connection fails, in a lab of network\n"
	           "  namespaces, and tells the causes apart from the client's evidence.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		fprintf(f, "  %-9s %s\n", subcommands[i].name, subcommands[i].help);
	fprintf(f, "\n`rdprepro COMMAND --help` for a command's options.\n");
	return argc < 0 ? 2 : 0;
}

int main(int argc, char** argv)
{
	if (argc < 2)
		return help_main(-1, NULL);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return help_main(0, NULL);
	if (strcmp(argv[1], "--version") == 0)
		return version_main(0, NULL);
	for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "rdprepro: what is \"%s\"? (rdprepro help)\n", argv[1]);
	return 2;
}
