/* libFuzzer harness for the IKE_SA_INIT answer parser (native/src/probe/ike.c):
 * untrusted datagrams from the network. The initiator SPI is taken from the
 * input itself so the fuzzer reaches past the SPI check; the first byte picks
 * UDP 500 (no marker) or UDP 4500 (non-ESP marker). */
#include "probe/probe.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    bool marker = data[0] & 1;
    data++;
    size--;
    uint8_t spi[8] = {0};
    size_t off = marker ? 4 : 0;
    if (size >= off + 8)
        memcpy(spi, data + off, 8);
    vl_ike_answer a;
    int rc = vl_ike_parse(&a, data, size, spi, marker);
    if (rc == VL_IKE_PARSE_OK && a.has_sa) {
        char words[512];
        vl_ike_proposal_words(&a.chosen, words, sizeof words);
    }
    return 0;
}
