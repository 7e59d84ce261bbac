/*
 * invisible_text.c
 *		Whether a text shows nothing: the check behind every name, grounds
 *		and reason that a rule requires.
 *
 * A reader sees nothing of white space, of control characters, nor of the
 * format and filler characters of Unicode (a zero-width space, a bidi
 * mark, a variation selector, a Hangul filler).  Grounds made only of them
 * would be recorded while saying nothing, so they count as no grounds.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "base/invisible_text.h"

typedef struct CodeRange
{
	pg_wchar	first;
	pg_wchar	last;
} CodeRange;

/* The invisible code points, in ascending order. */
static const CodeRange invisible[] = {
	{0x0000, 0x0020},			/* ASCII controls, space */
	{0x007F, 0x00A0},			/* DEL, C1 controls, no-break space */
	{0x00AD, 0x00AD},			/* soft hyphen */
	{0x034F, 0x034F},			/* combining grapheme joiner */
	{0x061C, 0x061C},			/* Arabic letter mark */
	{0x115F, 0x1160},			/* Hangul choseong and jungseong fillers */
	{0x1680, 0x1680},			/* Ogham space mark */
	{0x17B4, 0x17B5},			/* Khmer inherent vowels */
	{0x180B, 0x180F},			/* Mongolian variation selectors, vowel separator */
	{0x2000, 0x200F},			/* en quad .. hair space, zero width space,
								 * joiners, direction marks */
	{0x2028, 0x202F},			/* line and paragraph separators, bidi
								 * embeddings, narrow no-break space */
	{0x205F, 0x206F},			/* medium mathematical space, word joiner,
								 * invisible operators, bidi isolates */
	{0x3000, 0x3000},			/* ideographic space (全角スペース) */
	{0x3164, 0x3164},			/* Hangul filler */
	{0xFE00, 0xFE0F},			/* variation selectors */
	{0xFEFF, 0xFEFF},			/* zero width no-break space (BOM) */
	{0xFFA0, 0xFFA0},			/* halfwidth Hangul filler */
	{0xE0000, 0xE007F},			/* tags */
	{0xE0100, 0xE01EF},			/* variation selectors supplement */
};

static bool
code_is_invisible(pg_wchar c)
{
	for (size_t i = 0; i < lengthof(invisible) && invisible[i].first <= c; i++)
		if (c <= invisible[i].last)
			return true;
	return false;
}

/*
 * Null, empty, or made only of invisible characters.  Anything that does
 * not decode as one of them counts as visible, a byte sequence that is not
 * UTF-8 too (PostgreSQL validates text on input, so none comes in a UTF-8
 * database).  Text is read as UTF-8 in a UTF-8 database, and in an
 * SQL_ASCII one, whose bytes PostgreSQL does not interpret and which
 * clients mostly fill with UTF-8.  In a database of any other encoding,
 * whose bytes beyond ASCII are not UTF-8, only the ASCII characters are
 * recognised (every server encoding keeps ASCII as it is).
 */
bool
text_is_invisible(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;
	int			encoding = GetDatabaseEncoding();
	bool		utf8 = (encoding == PG_UTF8 || encoding == PG_SQL_ASCII);
	size_t		left;

	if (s == NULL)
		return true;
	left = strlen(s);
	while (left > 0)
	{
		pg_wchar	c = *p;
		int			len = 1;

		if (c >= 0x80)
		{
			if (!utf8)
				return false;
			len = pg_utf_mblen(p);
			if ((size_t) len > left || !pg_utf8_islegal(p, len))
				return false;
			c = utf8_to_unicode(p);
		}
		if (!code_is_invisible(c))
			return false;
		p += len;
		left -= len;
	}
	return true;
}
