// AWSStepFunctions.CreateStateMachineAlias / DescribeStateMachineAlias / UpdateStateMachineAlias /
// DeleteStateMachineAlias / ListStateMachineAliases / DeleteStateMachineVersion
import { z } from 'zod';
import {
  createAlias,
  deleteAlias,
  deleteVersion,
  getAlias,
  listAliases,
  updateAlias,
  type AliasDetail,
} from '../../workflows/aliases';
import { defineAction } from '../action';
import { parseArnOf, stateMachineAliasArn, stateMachineVersionArn } from '../arn';
import { pageOf } from '../paging';
import { arnSchema, compact, epochSeconds, maxResultsSchema, nextTokenSchema } from '../shapes';
import { sfnError } from '../sfn-error';

const routingSchema = z
  .array(z.object({ stateMachineVersionArn: arnSchema, weight: z.number().int() }))
  .min(1)
  .max(2);

/** The routing's version ARNs → the state machine they share and the version numbers. */
function routingOf(routing: z.infer<typeof routingSchema>) {
  const parsed = routing.map((r) => ({
    arn: parseArnOf(r.stateMachineVersionArn, 'stateMachine'),
    weight: r.weight,
  }));
  const names = new Set(parsed.map((p) => p.arn.name));
  if (parsed.some((p) => p.arn.version === undefined))
    throw sfnError('ValidationException', 'routingConfiguration takes state machine version ARNs.');
  if (names.size !== 1)
    throw sfnError('ValidationException', 'Every version must belong to the same state machine.');
  return {
    workflow: parsed[0].arn.name,
    routes: parsed.map((p) => ({ version: p.arn.version as number, weight: p.weight })),
  };
}

/** An alias ARN → its state machine and name. */
function aliasOf(arn: string) {
  const parsed = parseArnOf(arn, 'stateMachine');
  if (parsed.alias === undefined) throw sfnError('ValidationException', `'${arn}' is not an alias ARN.`);
  return { workflow: parsed.name, name: parsed.alias };
}

const routingShape = (alias: AliasDetail) =>
  alias.routing.map((r) => ({
    stateMachineVersionArn: stateMachineVersionArn(alias.workflowName, r.version),
    weight: r.weight,
  }));

export const createStateMachineAlias = defineAction(
  z.object({
    name: z.string(),
    description: z.string().max(256).optional(),
    routingConfiguration: routingSchema,
  }),
  async (body, ctx) => {
    const { workflow, routes } = routingOf(body.routingConfiguration);
    const alias = await createAlias({
      workflowId: workflow,
      name: body.name,
      description: body.description,
      routing: routes,
      actor: ctx.actor,
      request: ctx.request,
    });
    return {
      stateMachineAliasArn: stateMachineAliasArn(alias.workflowName, alias.name),
      creationDate: epochSeconds(alias.createdAt),
    };
  },
);

export const describeStateMachineAlias = defineAction(
  z.object({ stateMachineAliasArn: arnSchema }),
  async (body, ctx) => {
    const { workflow, name } = aliasOf(body.stateMachineAliasArn);
    const alias = await getAlias({ workflowId: workflow, name, actor: ctx.actor });
    return compact({
      stateMachineAliasArn: stateMachineAliasArn(alias.workflowName, alias.name),
      name: alias.name,
      description: alias.description ?? undefined,
      routingConfiguration: routingShape(alias),
      creationDate: epochSeconds(alias.createdAt),
      updateDate: epochSeconds(alias.updatedAt),
    });
  },
);

export const updateStateMachineAlias = defineAction(
  z.object({
    stateMachineAliasArn: arnSchema,
    description: z.string().max(256).optional(),
    routingConfiguration: routingSchema.optional(),
  }),
  async (body, ctx) => {
    const { workflow, name } = aliasOf(body.stateMachineAliasArn);
    const routing = body.routingConfiguration ? routingOf(body.routingConfiguration) : undefined;
    if (routing && routing.workflow !== workflow)
      throw sfnError('ValidationException', 'The versions must belong to the alias’s state machine.');
    if (body.description === undefined && !routing)
      throw sfnError('ValidationException', 'Give a description or a routingConfiguration to update.');
    const alias = await updateAlias({
      workflowId: workflow,
      name,
      description: body.description,
      routing: routing?.routes,
      actor: ctx.actor,
      request: ctx.request,
    });
    return { updateDate: epochSeconds(alias.updatedAt) };
  },
);

export const deleteStateMachineAlias = defineAction(
  z.object({ stateMachineAliasArn: arnSchema }),
  async (body, ctx) => {
    const { workflow, name } = aliasOf(body.stateMachineAliasArn);
    await deleteAlias({ workflowId: workflow, name, actor: ctx.actor, request: ctx.request });
    return {};
  },
);

export const listStateMachineAliases = defineAction(
  z.object({ stateMachineArn: arnSchema, maxResults: maxResultsSchema, nextToken: nextTokenSchema }),
  async (body, ctx) => {
    const parsed = parseArnOf(body.stateMachineArn, 'stateMachine');
    const aliases = await listAliases({ workflowId: parsed.name, actor: ctx.actor });
    const { page, nextToken } = pageOf(aliases, body.maxResults, body.nextToken);
    return compact({
      stateMachineAliases: page.map((alias) => ({
        stateMachineAliasArn: stateMachineAliasArn(alias.workflowName, alias.name),
        creationDate: epochSeconds(alias.createdAt),
      })),
      nextToken,
    });
  },
);

export const deleteStateMachineVersion = defineAction(
  z.object({ stateMachineVersionArn: arnSchema }),
  async (body, ctx) => {
    const parsed = parseArnOf(body.stateMachineVersionArn, 'stateMachine');
    if (parsed.version === undefined)
      throw sfnError('ValidationException', `'${body.stateMachineVersionArn}' is not a version ARN.`);
    await deleteVersion({
      workflowId: parsed.name,
      version: parsed.version,
      actor: ctx.actor,
      request: ctx.request,
    });
    return {};
  },
);
