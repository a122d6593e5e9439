// GET/POST /api/auth/* — next-auth 4: magic-link sign-in, its callback, session and sign-out.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
