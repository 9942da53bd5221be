/* peer.c: the table of server peers. */
#include "peer.h"

/* One row per peer (enum rp_peer): adding one is its file and its row. */
const struct peer_ops* rp_peer_ops(enum rp_peer peer)
{
	switch (peer)
	{
		case RP_PEER_LAB:
			return &rp_peer_lab;
		case RP_PEER_XRDP:
			return &rp_peer_xrdp;
		case RP_PEER_SHADOW:
			return &rp_peer_shadow;
	}
	return &rp_peer_lab;
}
