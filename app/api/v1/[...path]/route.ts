// ANY /api/v1/<unknown> — no such endpoint: the API's JSON error shape (404), not an HTML page.
import { apiRoute } from '@/lib/http/api-route';
import { AppError } from '@/lib/errors';

const notFound = apiRoute<{ path: string[] }>({ auth: 'none' }, async ({ request }) => {
  throw new AppError(
    'NOT_FOUND',
    `There is no endpoint ${request.method} ${new URL(request.url).pathname}.`,
    {
      details: { documentation: '/api/v1/openapi.json' },
    },
  );
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
