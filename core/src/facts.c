/* Fact extraction entry point (extractors land in facts_*.c). */
#include "rasoat.h"
int rs_facts_extract(rs_doc *d) { (void)d; return 0; }
