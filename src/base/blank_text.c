/*
 * blank_text.c
 *		Whether a text says nothing: the check behind every "grounds",
 *		"name" or "reason" that a rule requires.
 */
#include "postgres.h"

#include "base/blank_text.h"

/*
 * Null, empty or only white space: ASCII spaces, the ideographic space
 * U+3000 that Japanese input methods type, and the no-break space U+00A0
 * (both in UTF-8).
 */
bool
text_is_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	while (p && *p)
	{
		if (isspace(*p))
			p++;
		else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
			p += 3;
		else if (p[0] == 0xC2 && p[1] == 0xA0)
			p += 2;
		else
			return false;
	}
	return true;
}
