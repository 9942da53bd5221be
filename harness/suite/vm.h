/* vm.h: `rdprepro run --vm`: the whole run inside a qemu guest that boots Debian's own kernel
 * on the host's root (netem/vm prepares kernel and initramfs), as root there, with real netem;
 * the result folders, junit.xml, results.tap and the summary come back through a 9p share of
 * the results directory. For machines where no network namespace can be had (unprivileged
 * CI containers): qemu's TCG needs no privilege (docs/ci-unprivileged.md). */
#ifndef RDPREPRO_VM_H
#define RDPREPRO_VM_H

#include <stdbool.h>
#include <stddef.h>

#include "runstate.h"

enum rp_vm_mode
{
	RP_VM_AUTO, /* in a guest only where no namespace can be had here (and a guest boots) */
	RP_VM_ON,   /* --vm */
	RP_VM_OFF   /* --no-vm */
};

/* Whether this process could make the labs' namespaces here, itself or in a user namespace of
 * its own (tried in a child, which goes as far as a network namespace inside the user one);
 * why not in why. */
bool rp_vm_host_can_lab(char* why, size_t why_size);

/* Runs `rdprepro run ARGS --no-vm --results RESULTS` in a guest and returns its exit status,
 * with the guest's output on this process's stdout and stderr as it comes. argv is run's
 * (argv[0] "run"); results the directory claimed on the host (absolute). -1 when no guest
 * could run here (no qemu or kernel, or it did not boot): why says so, and nothing ran. */
int rp_vm_run(int argc, char** argv, const struct run_opts* o, const char* results, char* why,
              size_t why_size);

/* Why no guest could run either (auto mode, after a try), for the SKIP reasons; "" if none. */
extern char rp_vm_error[512];

#endif
